package org.thidua.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
     * Each folder's {@link RuleSet} or the {@link RuleSetException} that refused it, in the folders' order, compiled on
     * as many threads as there are folders and processors. Every compile sees the caller's context class loader, as a
     * compile on the caller's thread would.
     */
    static List<Object> compileAll(List<Path> folders) {
        Integer[] order = IntStream.range(0, folders.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> size(folders.get(i))).reversed()).toArray(Integer[]::new);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Object> inOrder = ParallelChunks.map(order.length, Runtime.getRuntime().availableProcessors(), k -> {
            Thread thread = Thread.currentThread();
            ClassLoader own = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                return compileOne(folders.get(order[k]));
            } finally {
                thread.setContextClassLoader(own);
            }
        });
        Object[] results = new Object[order.length];
        for (int k = 0; k < order.length; k++) {
            results[order[k]] = inOrder.get(k);
        }
        return Arrays.asList(results);
    }

    private static Object compileOne(Path folder) {
        try {
            return RuleSet.load(folder);
        } catch (RuleSetException e) {
            return e;
        }
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
