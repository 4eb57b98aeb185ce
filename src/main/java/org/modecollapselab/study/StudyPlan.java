package org.modecollapselab.study;

import java.io.Serializable;
import java.util.List;
import org.modecollapselab.util.Check;

/**
 * What a study runs: its tasks (method × data set × seed) and how each run is scored. A plan is what an engine
 * ships to where the runs execute; an engine that runs on other machines (Spark) serializes the plan and calls
 * {@link #tasks()} there, so a plan for such an engine must rebuild the same tasks, in the same order, from
 * serializable settings — as {@link NamedPlan} does from names. {@link #of} wraps tasks already built (this JVM only).
 */
public interface StudyPlan extends Serializable {

    /** The tasks, in the order of the study's tables; the same list on every call and on every machine. */
    List<Study.Task> tasks();

    /** How runs are scored, unless {@link #protocol(Study.Task)} says otherwise for a task. */
    Study.Protocol protocol();

    /** How {@code task}'s run is scored (Stacked MNIST: on more samples); {@link #protocol()} by default. */
    default Study.Protocol protocol(Study.Task task) {
        Check.notNull("task", task);
        return protocol();
    }

    /** The study's title (charts). */
    String title();

    /** A plan of tasks built in this JVM (not serializable: for the thread engine). */
    static StudyPlan of(String title, List<Study.Task> tasks, Study.Protocol protocol) {
        return new Local(title, tasks, protocol);
    }

    /** Tasks built in this JVM. */
    record Local(String title, List<Study.Task> tasks, Study.Protocol protocol) implements StudyPlan {
        /** Checks its arguments: a title, at least one task, no null task, no run twice, a protocol. */
        public Local {
            Check.notNull("title", title);
            Check.notEmpty("tasks", tasks);
            Check.noNulls("tasks", tasks);
            Check.distinct("tasks", tasks, "run", Study.Task::key);
            Check.notNull("protocol", protocol);
            tasks = List.copyOf(tasks);
        }

    }
}
