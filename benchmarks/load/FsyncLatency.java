/*
 * How long a durable write takes on this disk: THREADS threads each overwrite SIZE bytes of its own 8 MB file and
 * fdatasync it (FileChannel.force(false)), 300 times. Run from the repository root (Java's single-file launch):
 *   java benchmarks/load/FsyncLatency.java THREADS SIZE [DIR]
 * The time of one fsync bounds a service that answers only after its commit is on disk: with N clients waiting
 * one answer each, N / (fsync + CPU time) answers per second at most.
 */
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
public class FsyncLatency {
    public static void main(String[] a) throws Exception {
        int threads = Integer.parseInt(a[0]); int size = Integer.parseInt(a[1]); int n = 300;
        Path dir = Files.createDirectories(Path.of(a.length > 2 ? a[2] : System.getProperty("java.io.tmpdir")));
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> fs = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) { int id = t; fs.add(ex.submit(() -> {
            Path p = dir.resolve("fsync-latency-" + id);
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
                ch.write(ByteBuffer.allocate(8 << 20), 0); ch.force(true);
                long[] lat = new long[n]; ByteBuffer b = ByteBuffer.allocate(size);
                for (int i = 0; i < n; i++) { b.clear(); long s = System.nanoTime(); ch.write(b, (long) (i * size) % (8 << 20)); ch.force(false); lat[i] = System.nanoTime() - s; }
                return lat; } finally { Files.deleteIfExists(p); } })); }
        List<Long> all = new ArrayList<>(); for (Future<long[]> f : fs) for (long l : f.get()) all.add(l);
        double secs = (System.nanoTime() - t0) / 1e9; Collections.sort(all);
        System.out.printf("threads=%d size=%d: %.0f syncs/s, p50 %.2f ms, p99 %.2f ms%n", threads, size, all.size() / secs, all.get(all.size() / 2) / 1e6, all.get(all.size() * 99 / 100) / 1e6);
        ex.shutdown();
    }
}
