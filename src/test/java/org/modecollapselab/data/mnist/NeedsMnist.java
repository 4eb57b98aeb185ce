package org.modecollapselab.data.mnist;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class or method that reads the real MNIST test split ({@link TestData}): tagged {@code mnist} (left out of the quick
 * {@code mvn test}, run by {@code environment/test}). Without the data it is skipped, and the first such class
 * prints one line naming the setting; in CI (environment variable {@code CI} set) it is never skipped, so a missing
 * data setting there fails loudly.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("mnist")
@ExtendWith(NeedsMnist.Condition.class)
public @interface NeedsMnist {

    /** Skips the class when the data are missing outside CI, saying why once per test JVM. */
    final class Condition implements ExecutionCondition {
        private static final AtomicBoolean SAID = new AtomicBoolean();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (TestData.available() || System.getenv("CI") != null) {
                return ConditionEvaluationResult.enabled("MNIST test split found (or CI: must be)");
            }
            String why = TestData.missingMessage();
            if (SAID.compareAndSet(false, true)) {
                System.out.println("MNIST tests skipped: " + why);
            }
            return ConditionEvaluationResult.disabled(why);
        }
    }
}
