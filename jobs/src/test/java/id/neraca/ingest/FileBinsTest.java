package id.neraca.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IngestRun.bins: how files are grouped into read tasks (pure, no Spark). */
class FileBinsTest {
    static FileTask.Split file(String name, long bytes) {
        return new FileTask(name, "file:/x/" + name, "shopee", "k", false, ',', new int[0], new int[0], 0, bytes, "0").splits().get(0);
    }

    static List<String> names(List<List<FileTask.Split>> bins) {
        List<String> out = new ArrayList<>();
        bins.forEach(b -> b.forEach(t -> out.add(t.task().sourceFile() + (t.start() > 0 ? "@" + t.start() : ""))));
        out.sort(Comparator.naturalOrder());
        return out;
    }

    @Test
    void manySmallFilesShareTwoTasksPerCoreAndNoneIsLostOrRepeated() {
        List<FileTask.Split> files = new ArrayList<>();
        for (int i = 0; i < 145; i++) files.add(file(String.format("f%03d.csv", i), 1000 + i));
        List<List<FileTask.Split>> bins = IngestRun.bins(files, 2);
        assertEquals(4, bins.size());
        assertEquals(files.stream().map(t -> t.task().sourceFile()).sorted().toList(), names(bins));
        bins.forEach(b -> assertTrue(b.size() >= 36 && b.size() <= 37, "unbalanced: " + b.size()));
    }

    @Test
    void largeInputsGetAboutOneTaskPer64MiBAndTheBigFileIsAlone() {
        List<FileTask.Split> files = new ArrayList<>();
        files.add(file("big.csv", 300L << 20));
        for (int i = 0; i < 20; i++) files.add(file("m" + i + ".csv", 10L << 20));
        List<List<FileTask.Split>> bins = IngestRun.bins(files, 2);
        assertEquals(8, bins.size());                 // 500 MiB / 64 MiB, rounded up
        assertEquals(List.of("big.csv"), bins.stream().filter(b -> b.stream().anyMatch(t -> t.task().sourceFile().equals("big.csv")))
                .findFirst().orElseThrow().stream().map(t -> t.task().sourceFile()).toList());
        assertEquals(21, names(bins).size());
    }

    @Test
    void neverMoreTasksThanFiles() {
        assertEquals(1, IngestRun.bins(List.of(file("a.csv", 5L << 30)), 8).size());
        assertEquals(0, IngestRun.bins(List.of(), 2).size());
    }

    @Test
    void theRangesOfOneLargeFileSpreadOverTheTasks() {
        long mib = 1L << 20;
        FileTask big = new FileTask("big.csv", "file:/x/big.csv", "shopee", "k", false, ',', new int[0], new int[0], 0,
                600 * mib, "0", 64 * mib, new long[]{10, 20, 30, 40, 50, 60, 70, 80, 90});
        List<FileTask.Split> ranges = big.splits();
        assertEquals(10, ranges.size());
        assertEquals(24 * mib, ranges.get(9).length(), "the last range runs to the end of the file");
        List<List<FileTask.Split>> bins = IngestRun.bins(ranges, 2);
        assertEquals(10, bins.size());                  // 600 MiB / 64 MiB: one range per task
        bins.forEach(b -> assertEquals(1, b.size()));
        assertEquals(10, names(bins).stream().distinct().count());
    }
}
