package org.thidua.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.thidua.core.compile.CampaignFiles;

/**
 * The compile of a rules directory's campaign folders side by side, the largest first. Compiling DRL is most of a
 * command's or a service's start, and the campaigns differ in size (the bundled ones by 2-3 times): taken in name
 * order on two processors, the largest one started only when a small one had finished, and the start waited for
 * both one after the other. Taken largest first, the small ones compile beside it.
 */
final class CampaignCompiles {
    private CampaignCompiles() {
    }

    /**
     * One folder's compile: its rule set and what {@code then} made of it, or the exception that refused it (and no
     * {@code then}).
     */
    record Compiled<T>(RuleSet ruleSet, T then, RuleSetException refused) {
    }

    /**
     * Each folder's compile, in the folders' order, compiled on as many threads as there are folders and processors.
     * {@code then} runs on a rule set on the thread that compiled it, as soon as it has compiled, beside the compiles
     * still running (the rule tests of {@code thidua test}); it must not share mutable state with the other calls.
     * Every compile and every {@code then} sees the caller's context class loader, as on the caller's thread.
     */
    static <T> List<Compiled<T>> compileAll(List<Path> folders, Function<RuleSet, T> then) {
        Integer[] order = IntStream.range(0, folders.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> size(folders.get(i))).reversed()).toArray(Integer[]::new);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Compiled<T>> inOrder = ParallelChunks.map(order.length, Runtime.getRuntime().availableProcessors(), k -> {
            Thread thread = Thread.currentThread();
            ClassLoader own = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return compileOne(folders.get(order[k]), then);
            } finally {
                thread.setContextClassLoader(own);
            }
        });
        @SuppressWarnings("unchecked")
        Compiled<T>[] results = new Compiled[order.length];
        for (int k = 0; k < order.length; k++) {
            results[order[k]] = inOrder.get(k);
        }
        return Arrays.asList(results);
    }

    private static <T> Compiled<T> compileOne(Path folder, Function<RuleSet, T> then) {
        RuleSet ruleSet;
        try {
            ruleSet = RuleSet.load(folder);
        } catch (RuleSetException e) {
            return new Compiled<>(null, null, e);
        }
        return new Compiled<>(ruleSet, then.apply(ruleSet), null);
    }

    /** What a folder gives the compile to do, roughly: the bytes of its files beside its rule tests. */
    private static long size(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !folder.relativize(p).toString().replace('\\', '/').startsWith(CampaignFiles.TESTS))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0; // the compile itself reports a file it cannot read
                        }
                    }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
