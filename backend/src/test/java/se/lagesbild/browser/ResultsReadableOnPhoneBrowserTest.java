package se.lagesbild.browser;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The results and comparison pages of {@link ResultsReadableBrowserTest} on a phone, 360 px wide. */
@MicronautTest(transactional = false)
class ResultsReadableOnPhoneBrowserTest extends ResultsReadableBrowserTest {

    @Override
    int[] windowSize() {
        return new int[] {360, 800};
    }
}
