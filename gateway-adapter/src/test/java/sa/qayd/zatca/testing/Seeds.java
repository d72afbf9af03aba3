package sa.qayd.zatca.testing;

import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Seeds for property tests, written as JUnit parameterized tests over seeded generators. Every run
 * draws fresh seeds, each the name of its test case; a failing case names its seed in the failure,
 * and {@code -Dqayd.seed=<seed>} runs exactly that case again.
 */
public final class Seeds {
    public static final String PROPERTY = "qayd.seed";

    private Seeds() {
    }

    /** {@code count} fresh seeds, or only the one given with {@code -Dqayd.seed}. */
    public static LongStream fresh(int count) {
        String fixed = System.getProperty(PROPERTY);
        if (fixed != null && !fixed.isBlank()) {
            return LongStream.of(Long.parseLong(fixed.strip()));
        }
        SplittableRandom seeds = new SplittableRandom(new SecureRandom().nextLong());
        return LongStream.generate(seeds::nextLong).limit(count);
    }

    /** A property's body for one seed. */
    @FunctionalInterface
    public interface Property {
        void check(SplittableRandom random) throws Exception;
    }

    /** Runs {@code property} on the generator of {@code seed}; a failure says which seed to run again. */
    public static void check(long seed, Property property) {
        try {
            property.check(new SplittableRandom(seed));
        } catch (Exception | AssertionError failure) {
            String rerun = "property failed for seed " + seed + "; run it again with -D" + PROPERTY + "=" + seed;
            System.out.println(rerun);
            throw new AssertionError(rerun + ": " + failure.getMessage(), failure);
        }
    }
}
