package org.modecollapselab.study;

import java.util.List;
import org.modecollapselab.catalog.Remedies;
import org.modecollapselab.gan.Method;
import org.modecollapselab.util.Check;

/**
 * A study given by names, as {@code environment/study} takes it: a preset, data sets ({@link StudyCase#named}),
 * remedies ({@link Remedies#parse}), objectives, seeds, steps and samples. It holds only strings and numbers, so it serializes to other
 * machines (Spark executors), which rebuild the same tasks from it.
 *
 * @param preset   {@code remedies} (the remedies on the data sets) or {@code pacgan-table1} (GAN and PacGAN2–4 on
 *                 PacGAN's ring and grid; data sets and remedies are then not used)
 * @param datasets data set names, not empty
 * @param remedies remedy names, not empty
 * @param objectives objective names ({@code Objectives}), each crossed with every remedy; empty for the data sets'
 *                 own objective
 * @param seeds    seeds 1..seeds, &gt;= 1
 * @param steps    training steps of every run, &gt;= 1; 0 for each data set's (or the paper's) default
 * @param samples  samples scored per run, &gt;= 1; 0 for the standard protocol's (Stacked MNIST: 26,000)
 */
public record NamedPlan(String preset, List<String> datasets, List<String> remedies, List<String> objectives,
                        int seeds, int steps, int samples)
        implements StudyPlan {
    /** The presets. */
    public static final List<String> PRESETS = List.of("remedies", "pacgan-table1");

    public NamedPlan {
        Check.notNull("preset", preset);
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("preset must be one of " + String.join(", ", PRESETS) + ", was '"
                    + preset + "'");
        }
        Check.notEmpty("datasets", datasets);
        Check.notEmpty("remedies", remedies);
        Check.noNulls("datasets", datasets);
        Check.noNulls("remedies", remedies);
        Check.noNulls("objectives", objectives);
        Check.distinct("datasets", datasets, "name", d -> d);
        Check.distinct("objectives", objectives, "name", o -> o);
        datasets = List.copyOf(datasets);
        remedies = List.copyOf(remedies);
        objectives = List.copyOf(objectives);
        Check.atLeast("seeds", seeds, 1);
        Check.atLeast("steps", steps, 0);
        Check.atLeast("samples", samples, 0);
    }

    /** A plan scored with the standard protocol (Stacked MNIST: 26,000 samples). */
    public NamedPlan(String preset, List<String> datasets, List<String> remedies, int seeds, int steps) {
        this(preset, datasets, remedies, List.of(), seeds, steps, 0);
    }

    /** The data sets with their steps. */
    public List<StudyCase> cases() {
        if (preset.equals("pacgan-table1")) {
            int n = steps == 0 ? PacGanTable1.PAPER_STEPS : steps;
            return List.of(StudyCase.named("pacgan-ring").withSteps(n), StudyCase.named("pacgan-grid").withSteps(n));
        }
        return datasets.stream().map(d -> {
            StudyCase c = StudyCase.named(d);
            return steps == 0 ? c : c.withSteps(steps);
        }).toList();
    }

    /** The methods, in order. */
    public List<Method> methods() {
        return preset.equals("pacgan-table1") ? PacGanTable1.methods()
                : StudyCommand.methods(objectives.isEmpty() ? null : objectives, remedies);
    }

    /** Checks every method against every data set (nothing trains) and builds the tasks. */
    @Override
    public List<Study.Task> tasks() {
        return Study.tasks(cases(), methods(), seeds);
    }

    @Override
    public Study.Protocol protocol() {
        return samples == 0 ? Study.Protocol.standard() : Study.Protocol.standard().withEvaluationSamples(samples);
    }

    /** Stacked MNIST is scored on 26,000 samples, as its papers do (unless {@code samples} says otherwise). */
    @Override
    public Study.Protocol protocol(Study.Task task) {
        Check.notNull("task", task);
        if (samples == 0 && task.c().name().equals("stacked-mnist")) {
            return Study.Protocol.stackedMnist();
        }
        return protocol();
    }

    @Override
    public String title() {
        return preset.equals("pacgan-table1") ? "PacGAN Table 1, " + cases().get(0).steps() + " steps"
                : objectives.isEmpty() ? "Remedies × data sets" : "Objectives × data sets";
    }
}
