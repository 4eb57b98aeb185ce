package org.modecollapselab.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.modecollapselab.study.StudyCommand;
import org.modecollapselab.util.Check;

/**
 * {@code environment/study --spark}: the study command ({@link StudyCommand}: the same options, files and
 * {@code --resume}) with its runs executed on Apache Spark ({@link SparkEngine}).
 *
 * <p>Extra options: {@code --master M} ({@code local[*]} by default: Spark embedded in this JVM, one task per
 * core; {@code local[N]}; {@code spark://host:7077} for a standalone cluster, this JVM being the driver) and
 * {@code --conf key=value} (any Spark setting). Started by {@code spark-submit} instead (YARN, Kubernetes, cluster
 * deploy mode), it takes the master and settings spark-submit gives it.
 *
 * <p>Set unless given: executors run ND4J on one OpenMP thread ({@code spark.executorEnv.OMP_NUM_THREADS=1}) with
 * JavaCPP's memory probe off; the embedded driver of a cluster ships this runner's jars to the executors
 * ({@code spark.jars}: the library and its dependencies, from the folder of this jar); in local mode Spark's web UI
 * is off and everything binds to the loopback address.
 */
public final class SparkStudyCommand {
    private SparkStudyCommand() {
    }

    public static void main(String[] args) throws Exception {
        int status = run(args);
        System.exit(status);   // Spark leaves non-daemon threads behind
    }

    /** Runs the command; returns the exit status (0, or 1 when a run failed). */
    public static int run(String[] args) throws IOException {
        Check.notNull("args", args);
        String master = null;
        List<String[]> confs = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = Check.notNull("args[" + i + "]", args[i]);
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println(StudyCommand.usage() + "\n"
                        + "  --master M         Spark master: local[*] (default: embedded, every core), local[N], "
                        + "spark://host:7077\n"
                        + "  --conf key=value   a Spark setting (repeatable)\n"
                        + "  (--threads does not apply: the master decides how many runs run at a time)");
                return 0;
            }
            if (a.equals("--master") || a.equals("--conf")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                String v = args[++i];
                if (a.equals("--master")) {
                    if (v.isBlank()) {
                        throw new IllegalArgumentException("--master must not be empty");
                    }
                    master = v;
                } else {
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--conf must be key=value, was '" + v + "'");
                    }
                    confs.add(new String[] {v.substring(0, eq), v.substring(eq + 1)});
                }
                continue;
            }
            rest.add(a);
        }
        int t = rest.indexOf("--threads");
        if (t >= 0) {
            throw new IllegalArgumentException("--threads sets the local engine's threads; on Spark the master decides "
                    + "how many runs run at a time (--master local[N]: N), was --threads "
                    + (t + 1 < rest.size() ? rest.get(t + 1) : "(no value)"));
        }
        SparkConf conf = configuration(master, confs);
        JavaSparkContext spark = new JavaSparkContext(conf);
        try {
            spark.setLogLevel(conf.get("spark.log.level", "WARN"));
            return StudyCommand.run(rest.toArray(String[]::new), new SparkEngine(spark));
        } finally {
            spark.stop();
        }
    }

    /** The Spark settings: given ones first (spark-submit's come as system properties), then this runner's defaults. */
    static SparkConf configuration(String master, List<String[]> confs) {
        SparkConf conf = new SparkConf().setAppName("Mode Collapse Lab study");
        if (master != null) {
            conf.setMaster(master);
        }
        for (String[] kv : confs) {
            conf.set(kv[0], kv[1]);
        }
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
        conf.setIfMissing("spark.executor.extraJavaOptions", "-Dorg.bytedeco.javacpp.maxphysicalbytes=0 "
                + "-Djava.awt.headless=true");
        boolean local = conf.get("spark.master").startsWith("local");
        if (local) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else if (!conf.contains("spark.jars")) {
            conf.set("spark.jars", String.join(",", appJars()));
        }
        return conf;
    }

    /** The jars executors need: every jar in the folder of this runner's jar (target/spark/app). */
    static List<String> appJars() {
        try {
            Path jar = Path.of(SparkStudyCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("the runner must run from its jar (target/spark/app) to ship its "
                        + "jars to a cluster, but runs from " + jar + "; build it with environment/study --spark");
            }
            try (Stream<Path> s = Files.list(jar.getParent())) {
                return s.filter(p -> p.toString().endsWith(".jar")).map(p -> p.toAbsolutePath().toString())
                        .sorted().toList();
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot list the runner's jars: " + e, e);
        }
    }
}
