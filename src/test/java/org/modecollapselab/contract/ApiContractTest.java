package org.modecollapselab.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modecollapselab.contract.Examples.Kind.DUPLICATE;
import static org.modecollapselab.contract.Examples.Kind.EMPTY;
import static org.modecollapselab.contract.Examples.Kind.NAN;
import static org.modecollapselab.contract.Examples.Kind.NEGATIVE;
import static org.modecollapselab.contract.Examples.Kind.NEGATIVE_INFINITY;
import static org.modecollapselab.contract.Examples.Kind.NULL;
import static org.modecollapselab.contract.Examples.Kind.POSITIVE_INFINITY;
import static org.modecollapselab.contract.Examples.Kind.WRONG_SHAPE;
import static org.modecollapselab.contract.Examples.Kind.ZERO;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modecollapselab.contract.Examples.Bad;
import org.modecollapselab.contract.Examples.Kind;
import org.modecollapselab.gan.Gan;

/**
 * The API contract, checked exhaustively: every public constructor, static factory, {@code with…} method and
 * instance method of the library that takes an argument is found by reflection over the library's classes, called
 * once with valid example arguments, and then once per bad input — null, empty, negative, zero, NaN, ±∞, out of
 * range, wrong shape, duplicate, a null element, an unusable path — in each parameter in turn (the others valid).
 * Each bad input must be refused with an {@link IllegalArgumentException} or {@link IllegalStateException} thrown by
 * the library whose message names the parameter, the rule ("must") and the value; or be documented as valid in
 * {@link #ALLOWED}, with the reason.
 *
 * <p>New API is covered without anyone adding cases: a new type only needs an example value in
 * {@link StandardExamples} (one line; the failure report says which). All failures are reported at once, each with
 * the entry point, the input and how to fix it.
 *
 * <p>Not tried here (each tested where it belongs): NaN inside ND4J arrays handed to the training step's seams (it
 * propagates into the losses, which is how divergence is detected: {@code GanTest}); relations between arguments
 * beyond a single bad value ({@code ValidationTest}).
 */
class ApiContractTest {

    /** Inputs that are valid although they look bad, each with its reason. Keep it small. */
    static final List<Allowed> ALLOWED = List.of(
            // Numbers that may be zero or negative
            allow(null, "*", "warmup", Set.of(ZERO), "no warm-up steps"),
            allow(org.modecollapselab.remedy.packing.Packing.class, "new", "packsPerBatch", Set.of(ZERO),
                    "0 keeps the configured batch size"),
            allow(org.modecollapselab.remedy.minibatch.MinibatchDiscrimination.class, "new|of", "kernels",
                    Set.of(ZERO), "0 kernels is the plain GAN"),
            allow(org.modecollapselab.remedy.unrolled.Unrolling.class, "new|exact|firstOrder", "steps",
                    Set.of(ZERO), "0 look-ahead steps is the plain GAN"),
            allow(org.modecollapselab.remedy.featurematching.FeatureMatching.class, "new", "weight", Set.of(ZERO),
                    "weight 0 is the plain GAN"),
            allow(org.modecollapselab.nn.OptimizerSpec.class, "new|adam", "beta1|beta2", Set.of(ZERO),
                    "Adam without momentum (β = 0) is a valid optimiser"),
            allow(org.modecollapselab.metric.CoverageThresholds.class, "new", "minModeFraction", Set.of(ZERO),
                    "0: one high-quality sample covers a mode (VEEGAN's and PacGAN's rule)"),
            allow(org.modecollapselab.metric.Verdict.class, "of", "covered", Set.of(ZERO), "no mode covered"),
            allow(org.modecollapselab.notebook.LiveView.class, "new", "minSecondsBetweenUpdates", Set.of(ZERO),
                    "update on every step"),
            allow(null, "*", "center|mean|x", Set.of(NEGATIVE, ZERO), "a position in data units: any finite number"),
            allow(org.modecollapselab.data.GaussianMixture1D.class, "component", "u", Set.of(ZERO),
                    "a uniform draw in [0, 1)"),
            // The merged features' settings whose 0 is documented (the plain GAN, "off", or a default)
            allow(null, "new|withDiscriminatorDropout|withWeightDecay|rmsProp", "discriminatorDropout|dropout|p|"
                    + "generator|discriminator|weightDecay|lambda|decay", Set.of(ZERO),
                    "no dropout, no weight decay; RMSProp with ρ = 0 (a valid optimiser)"),
            allow(org.modecollapselab.metric.ClassifierThresholds.class, "new|withConfidence|withMinModeFraction",
                    "confidence|minModeFraction|v", Set.of(ZERO),
                    "0: every sample counts as confident / one sample covers a class (documented ranges [0, 1])"),
            allow(org.modecollapselab.remedy.adagan.AdaGan.class, "new|withBeta", "beta|v", Set.of(ZERO),
                    "β = 0: each new generator weighs 1/t (the paper code's uniform heuristic, documented)"),
            allow(org.modecollapselab.remedy.conditional.ConditionalGan.class, "new", "strength", Set.of(ZERO),
                    "strength 0 appends nothing: the plain GAN"),
            allow(null, "new|of|oneSided", "lambda", Set.of(ZERO), "weight 0 is the plain GAN (neutral setting)"),
            allow(org.modecollapselab.remedy.infogan.InfoGan.class, "new", "categories|continuous|lambda",
                    Set.of(ZERO), "no categorical / no continuous code; λ = 0 with no code is InfoGan.none()"),
            allow(null, "input|output|annealed|new", "sigma|annealSteps", Set.of(ZERO),
                    "σ = 0 is no noise (neutral); annealSteps = 0 keeps σ constant (documented)"),
            allow(org.modecollapselab.remedy.replay.ExperienceReplay.class, "new|of|withFraction", "fraction|v",
                    Set.of(ZERO), "fraction 0 replays nothing: the plain GAN"),
            allow(org.modecollapselab.remedy.snapshots.SnapshotSubstitution.class, "new|oldDiscriminator|oldBoth",
                    "period", Set.of(ZERO), "period 0 never substitutes: the plain GAN"),
            allow(org.modecollapselab.remedy.perclass.PerClassGans.class, "new", "groups", Set.of(ZERO),
                    "groups 0: one GAN per class (documented)"),
            allow(org.modecollapselab.study.NamedPlan.class, "new", "steps|samples", Set.of(ZERO),
                    "0: each data set's default (as --steps and --samples leave it)"),
            allow(org.modecollapselab.study.NamedPlan.class, "new", "objectives", Set.of(EMPTY),
                    "no objectives to cross with the remedies"),
            allow(org.modecollapselab.objective.LeastSquaresObjective.class, "new",
                    "fakeTarget|realTarget|generatorTarget", Set.of(NEGATIVE, ZERO),
                    "LSGAN's targets a, b, c are any distinct numbers (the paper's −1, 1, 0)"),
            allow(org.modecollapselab.objective.RowLoss.class, "linear", "s", Set.of(NEGATIVE, ZERO),
                    "a slope of any sign (WGAN's critic terms are ±x)"),
            allow(org.modecollapselab.nn.Init.class, "fill", "offset|biases", Set.of(ZERO),
                    "from the start of the array; a layer without biases"),
            allow(org.modecollapselab.nn.Init.class, "fill", "p", Set.of(NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY),
                    "the array it fills: its old values are overwritten"),
            allow(org.modecollapselab.remedy.infogan.InfoGan.class, "informationLoss", "outputs|gradient",
                    Set.of(NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY),
                    "D's outputs (and the gradient it adds to): NaN must reach the losses, where divergence is "
                            + "detected"),
            allow(org.modecollapselab.remedy.infogan.InfoGan.class, "informationLoss", "first|column", Set.of(ZERO),
                    "row and column 0"),
            allow(org.modecollapselab.notebook.GpuCheck.class, "supported", "major|minor", Set.of(ZERO),
                    "compute capability 0.x is a version (refused as unsupported, by the answer false)"),
            allow(org.modecollapselab.notebook.GpuCheck.class, "decide", "exitCode|output|visibleDevices",
                    Set.of(NEGATIVE, ZERO, EMPTY, NULL), "what nvidia-smi and the environment said: any exit code, "
                            + "no output, CUDA_VISIBLE_DEVICES unset or empty are facts the decision reports"),
            allow(org.modecollapselab.notebook.GpuCheck.class, "main", "args", Set.of(EMPTY),
                    "no arguments: print the decision (documented)"),
            allow(org.modecollapselab.notebook.Lab.class, "main", "args", Set.of(NULL, EMPTY, Kind.NULL_ELEMENT),
                    "it takes no arguments: prints the back end whatever it is given"),
            allow(null, "relative|splitsIn|folderIn", "path|dir", Set.of(Kind.BAD_PATH),
                    "a question about a path (how to show it; which MNIST files it holds): a path that cannot exist "
                            + "is shown as it is / holds none"),
            allow(org.modecollapselab.knob.Knob.class, "format|label|off", "v|value", Set.of(NEGATIVE, ZERO),
                    "a knob value as text / whether it is the off value: any number (apply() checks the range)"),
            allow(org.modecollapselab.remedy.noise.NoiseSchedule.class, "at", "step", Set.of(ZERO),
                    "step 0: before the first step, σ at its start"),
            allow(org.modecollapselab.study.StudyProgress.class, "duration", "seconds", Set.of(ZERO), "no time"),
            allow(org.modecollapselab.nn.Mlp.Pass.class, "new", "masks", Set.of(NULL), "a pass without dropout"),
            allow(org.modecollapselab.step.Setup.class, "new", "classWeights", Set.of(NULL),
                    "no class weights: equal weights (documented)"),
            allow(org.modecollapselab.study.StudyProgress.class, "inPlace", "failures", Set.of(NULL),
                    "no separate failure lines (documented)"),
            allow(org.modecollapselab.study.StudyCommand.class, "methods", "objectives", Set.of(NULL),
                    "null: no --objectives given (the remedies alone)"),
            allow(org.modecollapselab.study.Study.class, "execute", "skip", Set.of(EMPTY), "nothing to skip"),
            allow(org.modecollapselab.study.StudyEngine.Threads.class, "execute", "tasks", Set.of(EMPTY, ZERO),
                    "no task to run (a resumed study that is complete); task 0 is the plan's first"),
            allow(org.modecollapselab.catalog.ObjectiveSetting.class, "create", "more", Set.of(EMPTY, DUPLICATE),
                    "no remedies beyond the setting's; remedies compose (the same twice adds its terms twice)"),
            allow(org.modecollapselab.catalog.ObjectiveSetting.class, "new", "discriminatorSteps|optimizer",
                    Set.of(ZERO, NULL), "0 and null keep the configuration's critic steps and optimiser (documented)"),
            allow(org.modecollapselab.classifier.DigitClassifier.class, "train", "maxShift|afterEpoch",
                    Set.of(ZERO, NULL), "no random shifts; no per-epoch callback"),
            allow(org.modecollapselab.data.mnist.MnistDownload.class, "fetch", "files", Set.of(DUPLICATE),
                    "a file asked twice is fetched once, then found verified in the folder"),
            allow(org.modecollapselab.plot.Animation.class, "of", "frames", Set.of(DUPLICATE),
                    "a still frame repeated (a pause)"),
            allow(org.modecollapselab.metric.CodeModeTable.class, "of", "perCode", Set.of(DUPLICATE),
                    "two codes that drew the same coverage"),
            allow(org.modecollapselab.remedy.clipping.WeightClipping.class, "new", "clip", Set.of(POSITIVE_INFINITY),
                    "+∞: no clipping (WeightClipping.none(), documented)"),
            allow(org.modecollapselab.catalog.Objectives.class, "wgan", "clip", Set.of(POSITIVE_INFINITY),
                    "+∞: WGAN's critic without clipping (documented by WeightClipping)"),
            allow(org.modecollapselab.remedy.clipping.WeightClipping.class, "clamp", "parameters", Set.of(WRONG_SHAPE),
                    "element-wise: parameters of any shape"),
            allow(org.modecollapselab.remedy.spectralnorm.SpectralNormalisation.class, "largestSingularValue", "w",
                    Set.of(WRONG_SHAPE), "any matrix has a largest singular value"),
            allow(org.modecollapselab.gan.Gan.class, "generate|generatorPush", "latent|points", Set.of(EMPTY),
                    "no points: no samples / no arrows (documented: an empty answer)"),
            allow(org.modecollapselab.gan.GanProbe.class, "generate|generatorPush", "latent|points", Set.of(EMPTY),
                    "no points: no samples / no arrows (documented: an empty answer)"),
            allow(org.modecollapselab.gan.GanProbe.class, "axis", "include", Set.of(EMPTY),
                    "no points to take in: the axis spans the data's modes alone (documented)"),
            allow(org.modecollapselab.sampler.Mixture.class, "counts", "n", Set.of(ZERO), "no samples: all counts 0"),
            allow(org.modecollapselab.sampler.Mixture.class, "uniform", "components", Set.of(DUPLICATE),
                    "the same sampler twice: twice its weight"),
            allow(org.modecollapselab.study.StudyReport.class, "failures", "failures", Set.of(EMPTY, DUPLICATE),
                    "no failure: an empty table; the table lists the failures it is given"),
            allow(org.modecollapselab.study.Sweep.class, "run", "progress", Set.of(NULL),
                    "no progress lines (the several-data-set form passes null)"),
            allow(org.modecollapselab.notebook.LiveView.class, "line", "text", Set.of(EMPTY), "an empty line"),
            allow(org.modecollapselab.notebook.GpuCheck.class, "parse", "csv", Set.of(EMPTY),
                    "nvidia-smi listed no GPU: no GPUs"),
            allow(org.modecollapselab.data.mnist.MnistDigits.class, "images", "indices", Set.of(DUPLICATE),
                    "the same digit twice in a figure"),
            allow(org.modecollapselab.plot.DigitCharts.class, "coverage", "real", Set.of(NULL),
                    "null: the data's shares are shown instead (documented)"),
            // The training step's losses see D's raw outputs: NaN and ∞ must go through to the loss, which is how the
            // step detects divergence; outputs (logits) have any sign.
            allow(org.modecollapselab.objective.Losses.class, "*", "x|realLogits|fakeLogits|logits|gradReal|gradFake|gradient",
                    Set.of(NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY, NEGATIVE, ZERO),
                    "D's outputs: NaN and ∞ give a NaN or ∞ loss, which is how the step detects divergence"),
            allow(null, "discriminatorLoss|generatorLoss|discriminatorCurvature|score|meanScore",
                    "real|fake|output|outputs|gradReal|gradFake|gradient|curvatureReal|curvatureFake",
                    Set.of(NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY, NEGATIVE, ZERO),
                    "D's outputs: NaN and ∞ give a NaN or ∞ loss, which is how the step detects divergence"),
            // Shapes and empties that mean something
            allow(org.modecollapselab.nn.Activation.class, "*", "pre|out", Set.of(WRONG_SHAPE),
                    "element-wise: any shape"),
            allow(org.modecollapselab.remedy.packing.Packing.class, "toDiscriminator", "samples", Set.of(WRONG_SHAPE),
                    "any data dimension"),
            allow(null, "*", "hidden|generatorHidden|discriminatorHidden|widths", Set.of(EMPTY),
                    "no hidden layer: a linear network"),
            allow(org.modecollapselab.plot.Charts.class, "ringResponse", "angles|dProb|dScore", Set.of(EMPTY),
                    "no D curve on the ring"),
            allow(null, "valueField|game|components", "generated|real", Set.of(EMPTY),
                    "no points of that kind drawn (D's field or the mode centres alone)"),
            allow(org.modecollapselab.plot.SeveralGanCharts.class, "components", "components", Set.of(WRONG_SHAPE),
                    "a component without samples draws nothing (its name stays in the legend's order)"),
            allow(org.modecollapselab.plot.Charts.class, "ringResponse", "generated", Set.of(EMPTY),
                    "no points drawn: D's response alone (the score form, notebook 07)"),
            allow(org.modecollapselab.plot.Charts.class, "histogram", "real|generated", Set.of(EMPTY),
                    "one side alone (notebook 01 draws the data alone); both empty is refused (ValidationTest)"),
            allow(null, "*", "title|xLabel", Set.of(EMPTY), "an empty title is no title"),
            allow(org.modecollapselab.step.LatentCodes.class, "new", "labels", Set.of(NULL),
                    "codes that encode no class"),
            allow(org.modecollapselab.study.Study.class, "runs", "progress", Set.of(NULL), "no progress lines"),
            allow(org.modecollapselab.study.StudyCommand.class, "main|run", "args", Set.of(EMPTY),
                    "no arguments: the default study (documented)"),
            allow(org.modecollapselab.classifier.TrainClassifier.class, "main", "args", Set.of(EMPTY),
                    "no arguments: the default training of the stored classifier (documented in --help)"),
            allow(org.modecollapselab.study.StudyCommand.class, "run", "engine", Set.of(NULL),
                    "null: the thread engine with --threads (main passes null; documented)"),
            allow(null, "main|run", "args", Set.of(DUPLICATE), "command lines: a repeated word is --help (it prints the "
                    + "options, whatever follows) or one positional argument too many (refused as a wrong count)"),
            // Duplicates that are meaningful
            allow(null, "*", "remedies", Set.of(DUPLICATE),
                    "remedies compose: the same remedy twice is defined (terms add, README)"),
            allow(null, "*", "hidden|generatorHidden|discriminatorHidden|widths", Set.of(DUPLICATE),
                    "equal widths of several layers"),
            allow(null, "*", "listeners|gans", Set.of(DUPLICATE), "told, or timed, twice"),
            allow(null, "*", "labels", Set.of(DUPLICATE), "several rows of one class"),
            allow(org.modecollapselab.metric.ModeTimeline.class, "new|of", "reports|samples", Set.of(DUPLICATE),
                    "the same coverage at two snapshots"),
            allow(org.modecollapselab.study.StudyReport.class, "*", "runs", Set.of(DUPLICATE),
                    "the table lists the runs it is given"),
            // Empty and null that mean something
            allow(null, "*", "remedies", Set.of(EMPTY), "no remedies: the plain GAN"),
            allow(null, "*", "listeners", Set.of(EMPTY), "no listener"),
            allow(org.modecollapselab.util.Csv.class, "number|quote", "text", Set.of(EMPTY),
                    "'' is no number (number gives null, documented); quote shows it as ''"),
            allow(org.modecollapselab.util.Csv.Table.class, "column", "name", Set.of(EMPTY), "a header cell may be empty"),
            allow(org.modecollapselab.util.Csv.class, "malformed", "file", Set.of(Examples.Kind.BAD_PATH),
                    "the file is only named in the message"),
            allow(org.modecollapselab.util.Csv.class, "read", "file", Set.of(NULL),
                    "refused under the caller's parameter name (argument name), as its callers' messages need"),
            allow(org.modecollapselab.util.Csv.class, "malformed", "problems", Set.of(DUPLICATE),
                    "the message lists what it is given"),
            allow(org.modecollapselab.util.AtomicFiles.class, "writeString|temporaryFor", "text|suffix", Set.of(EMPTY),
                    "an empty file; no suffix"),
            allow(org.modecollapselab.study.StudyReport.class, "pm", "decimals", Set.of(ZERO), "whole numbers"),
            allow(org.modecollapselab.util.NdArrays.class, "values|rows", "a", Set.of(WRONG_SHAPE), "any shape"),
            allow(org.modecollapselab.step.Standardiser.class, "standardiseInPlace|standardise|toDataUnits|"
                    + "gradientToDataUnits", "flat|points", Set.of(EMPTY, NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY),
                    "element-wise arithmetic: no rows give no rows; NaN and ∞ pass through (callers check data; G's "
                    + "and D's outputs must reach the losses, where divergence is detected)"),
            allow(org.modecollapselab.gan.Catalogued.class, "integer|number|method", "byDefault",
                    Set.of(NEGATIVE, ZERO), "a remedy's own default, checked by the remedy when the name is parsed "
                            + "(RegistryTest parses every default)"),
            allow(org.modecollapselab.gan.Catalogued.class, "parse", "argument", Set.of(NULL),
                    "no argument after ':': the default"),
            allow(org.modecollapselab.step.TrainingStep.class, "latent", "labels", Set.of(NULL),
                    "no classes asked for: the noise and codes alone"),
            allow(org.modecollapselab.gan.GanProbe.class, "axis", "coordinate", Set.of(ZERO),
                    "coordinate 0 is the first"),
            allow(org.modecollapselab.util.NdArrays.class, "firstColumn", "a", Set.of(WRONG_SHAPE),
                    "any [rows, columns] array (D's outputs, one or more columns)"),
            allow(org.modecollapselab.util.NdArrays.class, "inFirstColumn", "v",
                    Set.of(EMPTY, NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY),
                    "the step's loss gradient: a NaN must reach the update, where divergence is detected; no rows"),
            allow(org.modecollapselab.util.NdArrays.class, "of", "v|rows",
                    Set.of(NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY),
                    "the step's transfer helper: a NaN must reach the losses, where divergence is detected"),
            allow(org.modecollapselab.step.InputTransform.Applied.class, "of", "output", Set.of(WRONG_SHAPE),
                    "a transform's output has the shape it chooses"),
            allow(org.modecollapselab.remedy.adagan.AdaGan.Boosted.class, "new", "sample", Set.of(NULL),
                    "one generator (T = 1) draws no training points to reweight (documented)"),
            allow(org.modecollapselab.study.Study.Run.class, "new", "coverage", Set.of(NULL),
                    "a diverged run has no coverage report"),
            allow(org.modecollapselab.step.TrainingDivergedException.class, "new", "lastFinite|lastSane", Set.of(NULL),
                    "no earlier step was sane"),
            allowRefusedExample(org.modecollapselab.gan.Gan.class, "sample",
                    "no remedy conditions G on a class yet: sampling one class is refused for every GAN"),
            allowRefusedExample(org.modecollapselab.step.TrainingStep.class, "latent",
                    "no remedy conditions G on a class in the example: asking for classes is refused"),
            allowRefusedExample(org.modecollapselab.gan.GanProbe.class, "sample",
                    "no remedy conditions G on a class yet: sampling one class is refused for every GAN"));

    /** One allow-list entry: an owner (null: any class), members and parameters ("*" or "a|b"), the kinds. */
    record Allowed(Class<?> owner, String members, String params, Set<Kind> kinds, boolean baselineRefused,
                   String reason) {
        boolean matches(Class<?> c, String member, String param, Kind kind) {
            return (owner == null || owner == c) && (members.equals("*") || Set.of(members.split("\\|")).contains(member))
                    && (params.equals("*") || Set.of(params.split("\\|")).contains(param)) && kinds.contains(kind);
        }

        boolean matchesBaseline(Class<?> c, String member) {
            return baselineRefused && owner == c && Set.of(members.split("\\|")).contains(member);
        }

        @Override
        public String toString() {
            return (owner == null ? "*" : owner.getSimpleName()) + "." + members + "(" + params + ") " + kinds;
        }
    }

    static Allowed allow(Class<?> owner, String members, String params, Set<Kind> kinds, String reason) {
        return new Allowed(owner, members, params, kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds), false, reason);
    }

    /** An entry point whose valid example arguments are refused (bad inputs are still tried on it). */
    static Allowed allowRefusedExample(Class<?> owner, String members, String reason) {
        return new Allowed(owner, members, "*", Set.of(), true, reason);
    }

    @TempDir
    Path scratch;

    @Test
    void parameterNamesAreCompiledIn() throws Exception {
        Parameter p = Gan.class.getMethod("probeGrid", int.class).getParameters()[0];
        assertTrue(p.isNamePresent(), "compile with -parameters (maven-compiler-plugin <parameters>true</parameters>)"
                + ": messages and this test rely on parameter names");
    }

    @Test
    void everyPublicEntryPointRefusesBadInputByName() throws Exception {
        Examples examples = StandardExamples.create(scratch);
        Walk walk = new Walk(examples);
        PrintStream out = System.out;
        // Mnist.obtain reads the configured data folder (never downloading then): the examples' two-digit split.
        String dataDir = System.getProperty(org.modecollapselab.data.mnist.Mnist.DATA_DIR_PROPERTY);
        System.setProperty(org.modecollapselab.data.mnist.Mnist.DATA_DIR_PROPERTY,
                scratch.resolve("tiny-mnist").toString());
        // Entry points that print (the study's tables, the benchmark's line) would drown the report.
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8"));
        try {
            for (Entry e : entryPoints(examples)) {
                walk.run(e);
            }
        } finally {
            System.setOut(out);
            if (dataDir == null) {
                System.clearProperty(org.modecollapselab.data.mnist.Mnist.DATA_DIR_PROPERTY);
            } else {
                System.setProperty(org.modecollapselab.data.mnist.Mnist.DATA_DIR_PROPERTY, dataDir);
            }
        }
        String report = walk.report();
        System.out.println(report.lines().limit(3).collect(Collectors.joining("\n")));
        assertTrue(walk.ok(), report);
    }

    // ---------------------------------------------------------------- finding the entry points

    /**
     * One entry point: a constructor or method and its owner (the class whose API it is; for an interface's method,
     * instances come from the example registered for the interface).
     */
    record Entry(Class<?> owner, Executable executable) {
        boolean isConstructor() {
            return executable instanceof Constructor<?>;
        }

        boolean isStatic() {
            return isConstructor() || Modifier.isStatic(executable.getModifiers());
        }

        String member() {
            return isConstructor() ? "new" : executable.getName();
        }

        String show() {
            String params = Arrays.stream(executable.getParameters())
                    .map(p -> simple(p.getParameterizedType()) + " " + p.getName()).collect(Collectors.joining(", "));
            String cls = owner.getName().replace("org.modecollapselab.", "").replace('$', '.');
            return cls + (isConstructor() ? "(" : "." + member() + "(") + params + ")";
        }
    }

    static String simple(Type t) {
        return t.getTypeName().replaceAll("[a-z0-9_]+\\.", "").replace('$', '.');
    }

    /** Every public class of the library (top level or nested in public classes), found in its class folder. */
    static List<Class<?>> libraryClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Gan.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("package-info") || name.matches(".*\\$\\d.*")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, ApiContractTest.class.getClassLoader());
                boolean visible = true;
                for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
                    visible &= Modifier.isPublic(k.getModifiers());
                }
                if (visible && !c.isSynthetic() && !c.isAnonymousClass()) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    static List<Entry> entryPoints(Examples ex) throws Exception {
        List<Entry> out = new ArrayList<>();
        for (Class<?> c : libraryClasses()) {
            if (ex.isSkipped(c)) {
                continue;
            }
            boolean callback = ex.callbacks().containsKey(c);
            if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers()) && !c.isEnum()) {
                for (Constructor<?> k : c.getConstructors()) {
                    if (k.getParameterCount() > 0) {
                        out.add(new Entry(c, k));
                    }
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge()
                        || m.getParameterCount() == 0) {
                    continue;
                }
                boolean isStatic = Modifier.isStatic(m.getModifiers());
                if (c.isEnum() && isStatic && m.getName().equals("valueOf")) {
                    continue;   // generated by the compiler
                }
                if (m.getName().equals("equals") && m.getParameterCount() == 1) {
                    continue;
                }
                if (!isStatic && (callback || overridesCallback(ex, c, m))) {
                    continue;
                }
                if (!isStatic && Modifier.isAbstract(m.getModifiers())) {
                    // Tested on its public implementations; on the registered example when that is not public (the
                    // anonymous sampler of DataSource.asSampler()).
                    Object impl = c.isInterface() ? ex.registered(c) : null;
                    if (impl == null || Modifier.isPublic(impl.getClass().getModifiers())) {
                        continue;
                    }
                }
                out.add(new Entry(c, m));
            }
        }
        return out;
    }

    /** Whether {@code m} implements a method of a callback interface (a hook's method, called by the step). */
    static boolean overridesCallback(Examples ex, Class<?> c, Method m) {
        for (Class<?> cb : ex.callbacks().keySet()) {
            if (cb != c && cb.isAssignableFrom(c)) {
                try {
                    cb.getMethod(m.getName(), m.getParameterTypes());
                    return true;
                } catch (NoSuchMethodException e) {
                    // not one of the callback's methods
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- calling them

    enum Outcome { REFUSED, FOREIGN, SILENT, UNCLEAR }

    /** One finding: an entry point, a parameter, a bad value and what happened. */
    record Finding(Entry entry, String param, Bad bad, Outcome outcome, String detail) {
    }

    final class Walk {
        private final Examples ex;
        private final List<Finding> findings = new ArrayList<>();
        private final Map<String, String> missing = new TreeMap<>();
        private final List<String> baselines = new ArrayList<>();
        private final Map<Allowed, Integer> used = new LinkedHashMap<>();
        private int entries;
        private int tested;
        private int calls;
        private int allowed;

        Walk(Examples ex) {
            this.ex = ex;
            ALLOWED.forEach(a -> used.put(a, 0));
        }

        void run(Entry e) {
            entries++;
            Parameter[] ps = e.executable().getParameters();
            try {
                args(e, -1, null);
                if (!e.isStatic()) {
                    receiver(e);
                }
            } catch (Examples.Missing m) {
                missing.put(simple(m.type), e.show());
                return;
            }
            Throwable base = invoke(e, -1, null);
            if (base != null) {
                Allowed a = ALLOWED.stream().filter(x -> x.matchesBaseline(e.owner(), e.member())).findFirst()
                        .orElse(null);
                if (a == null) {
                    String params = Arrays.stream(ps).map(Parameter::getName).collect(Collectors.joining("|"));
                    baselines.add(e.show() + ": " + describe(base) + "\n      fix: register valid example values "
                            + "that work together in StandardExamples, e.g. e.add(" + e.owner().getSimpleName()
                            + ".class, \"" + e.member() + "\", \"<" + params + ">\", () -> <a valid value>)");
                    return;
                }
                used.merge(a, 1, Integer::sum);
            }
            tested++;
            boolean output = e.isConstructor() && ex.isOutput(e.owner());
            for (int i = 0; i < ps.length; i++) {
                Parameter p = ps[i];
                String name = name(e, p);
                java.util.function.Supplier<?> valid = () -> ex.valid(e.owner(), e.member(), p.getName(),
                        p.getParameterizedType());
                for (Bad b : ex.bad(name, p.getParameterizedType(), output, valid)) {
                    Allowed a = allowedFor(e, p.getName(), b.kind());
                    if (a != null) {
                        used.merge(a, 1, Integer::sum);
                        allowed++;
                        continue;
                    }
                    calls++;
                    Throwable t = invoke(e, i, b);
                    findings.add(classify(e, p.getName(), b, t));
                }
            }
        }

        private Allowed allowedFor(Entry e, String param, Kind kind) {
            for (Allowed a : ALLOWED) {
                if (a.matches(e.owner(), e.member(), param, kind)) {
                    return a;
                }
            }
            return null;
        }

        private Object[] args(Entry e, int bad, Bad value) {
            Parameter[] ps = e.executable().getParameters();
            Object[] a = new Object[ps.length];
            for (int i = 0; i < ps.length; i++) {
                a[i] = i == bad ? value.value().get()
                        : ex.valid(e.owner(), e.member(), ps[i].getName(), ps[i].getParameterizedType());
            }
            return a;
        }

        private Object receiver(Entry e) {
            return ex.valid(e.owner(), e.member(), "this", e.owner());
        }

        /** Calls the entry point with parameter {@code bad} set to {@code value} (−1: all valid); the exception. */
        private Throwable invoke(Entry e, int bad, Bad value) {
            try {
                Object[] a = args(e, bad, value);
                if (e.executable() instanceof Constructor<?> k) {
                    k.newInstance(a);
                } else {
                    ((Method) e.executable()).invoke(e.isStatic() ? null : receiver(e), a);
                }
                return null;
            } catch (InvocationTargetException x) {
                return x.getCause();
            } catch (ReflectiveOperationException | RuntimeException x) {
                return new AssertionError("could not call " + e.show() + ": " + x, x);
            }
        }

        private Finding classify(Entry e, String param, Bad b, Throwable t) {
            if (t == null) {
                return new Finding(e, param, b, Outcome.SILENT, "accepted: returned normally");
            }
            boolean ours = (t instanceof IllegalArgumentException || t instanceof IllegalStateException)
                    && thrownByLibrary(t);
            if (!ours) {
                return new Finding(e, param, b, Outcome.FOREIGN, describe(t));
            }
            String msg = String.valueOf(t.getMessage());
            List<String> lacks = new ArrayList<>();
            if (!namesParameter(msg, e, param)) {
                lacks.add("the parameter's name '" + param + "'");
            }
            if (!msg.contains("must")) {
                lacks.add("the rule (\"… must …\")");
            }
            if (b.renderings().stream().noneMatch(msg::contains)) {
                lacks.add("the value (one of " + b.renderings() + ")");
            }
            return lacks.isEmpty() ? new Finding(e, param, b, Outcome.REFUSED, msg)
                    : new Finding(e, param, b, Outcome.UNCLEAR, "message lacks " + String.join(", ", lacks)
                    + ": " + describe(t));
        }

        boolean ok() {
            return missing.isEmpty() && baselines.isEmpty() && unusedAllowed().isEmpty()
                    && findings.stream().allMatch(f -> f.outcome() == Outcome.REFUSED);
        }

        private List<Allowed> unusedAllowed() {
            return used.entrySet().stream().filter(x -> x.getValue() == 0).map(Map.Entry::getKey).toList();
        }

        String report() {
            Map<Outcome, Long> n = findings.stream().collect(Collectors.groupingBy(Finding::outcome,
                    () -> new java.util.EnumMap<>(Outcome.class), Collectors.counting()));
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "API contract: %d public entry points with parameters (%d called), %d bad inputs exercised, "
                            + "%d more documented as valid (%d allow-list entries)%n"
                            + "  refused by name: %d; raw or foreign exception: %d; accepted silently: %d; "
                            + "refused without naming parameter, rule and value: %d%n"
                            + "  types without an example: %d; entry points whose valid examples failed: %d%n",
                    entries, tested, calls, allowed, ALLOWED.size(), n.getOrDefault(Outcome.REFUSED, 0L),
                    n.getOrDefault(Outcome.FOREIGN, 0L), n.getOrDefault(Outcome.SILENT, 0L),
                    n.getOrDefault(Outcome.UNCLEAR, 0L), missing.size(), baselines.size()));
            for (Outcome o : List.of(Outcome.FOREIGN, Outcome.SILENT, Outcome.UNCLEAR)) {
                List<Finding> fs = findings.stream().filter(f -> f.outcome() == o).toList();
                if (fs.isEmpty()) {
                    continue;
                }
                sb.append("\n").append(switch (o) {
                    case FOREIGN -> "Raw or foreign exceptions";
                    case SILENT -> "Accepted silently";
                    default -> "Refused, but the message does not name parameter, rule and value";
                }).append(" (").append(fs.size()).append("):\n");
                for (Finding f : fs) {
                    sb.append("  ").append(f.entry().show()).append("\n      ").append(f.param()).append(" = ")
                            .append(f.bad().shown()).append(" [").append(f.bad().kind().name().toLowerCase(Locale.ROOT))
                            .append("]: ").append(f.detail()).append("\n");
                }
            }
            if (findings.stream().anyMatch(f -> f.outcome() != Outcome.REFUSED)) {
                sb.append("\n  How to fix: refuse the input at the top of the entry point with util.Check (e.g. "
                        + "Check.atLeast(\"n\", n, 1), Check.finite(\"x\", x), Check.notNull(\"data\", data)), so that "
                        + "the message reads \"<parameter> must <rule>, was <value>\"; or, if the input is valid "
                        + "there, add an entry with the reason to ApiContractTest.ALLOWED.\n");
            }
            if (!missing.isEmpty()) {
                sb.append("\nTypes without an example value (register one line each in StandardExamples.create, "
                        + "e.g. e.add(MyType.class, () -> <a small valid MyType>)):\n");
                missing.forEach((t, where) -> sb.append("  ").append(t).append("  (needed by ").append(where)
                        .append(")\n"));
            }
            if (!baselines.isEmpty()) {
                sb.append("\nEntry points that refused their valid example arguments (so no bad input could be "
                        + "tried):\n");
                baselines.forEach(b -> sb.append("  ").append(b).append("\n"));
            }
            if (!unusedAllowed().isEmpty()) {
                sb.append("\nAllow-list entries that match nothing any more (remove them from "
                        + "ApiContractTest.ALLOWED):\n");
                unusedAllowed().forEach(a -> sb.append("  ").append(a).append("\n"));
            }
            return sb.toString();
        }
    }

    /** Whether the exception was thrown by the library (not passed through from Java's or a dependency's code). */
    static boolean thrownByLibrary(Throwable t) {
        for (StackTraceElement f : t.getStackTrace()) {
            String c = f.getClassName();
            if (c.startsWith("org.modecollapselab.")) {
                return true;
            }
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                return false;   // a dependency threw it
            }
            if (c.startsWith("java.util.Objects") || c.startsWith("java.util.ImmutableCollections")) {
                return false;   // a raw requireNonNull
            }
            if (c.startsWith("java.lang.Enum") || c.startsWith("java.lang.Integer") || c.startsWith("java.lang.Long")
                    || c.startsWith("java.lang.Double") || c.startsWith("java.lang.Float")
                    || c.startsWith("jdk.internal.math")) {
                return false;   // valueOf / parse messages
            }
        }
        return false;
    }

    /**
     * The name the rules go by: the parameter's, or for a one-argument {@code withX(v)} the name x (withSeed's
     * parameter is a seed).
     */
    static String name(Entry e, Parameter p) {
        String m = e.member();
        if (m.startsWith("with") && m.length() > 4 && e.executable().getParameterCount() == 1) {
            return Character.toLowerCase(m.charAt(4)) + m.substring(5);
        }
        return p.getName();
    }

    /** The parameter's name as a word, or for a one-argument {@code withX(v)} the name X. */
    static boolean namesParameter(String msg, Entry e, String param) {
        List<String> names = new ArrayList<>(List.of(param));
        String m = e.member();
        if (m.startsWith("with") && m.length() > 4 && e.executable().getParameterCount() == 1) {
            names.add(Character.toLowerCase(m.charAt(4)) + m.substring(5));
        }
        for (String n : names) {
            if (Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(n) + "(?![A-Za-z0-9_])").matcher(msg).find()) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable t) {
        String msg = String.valueOf(t.getMessage()).lines().findFirst().orElse("");
        if (msg.length() > 200) {
            msg = msg.substring(0, 200) + "…";
        }
        StackTraceElement[] st = t.getStackTrace();
        String at = st.length == 0 ? "" : " (at " + st[0].getClassName().replaceAll(".*\\.", "") + "."
                + st[0].getMethodName() + ")";
        return t.getClass().getSimpleName() + ": " + msg + at;
    }
}
