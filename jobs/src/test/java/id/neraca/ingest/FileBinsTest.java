package id.neraca.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IngestRun.bins: how files are grouped into read tasks (pure, no Spark). */
class FileBinsTest {
    static FileTask file(String name, long bytes) {
        return new FileTask(name, "file:/x/" + name, "shopee", "k", false, ',', new int[0], new int[0], 0, bytes, "0");
    }

    static List<String> names(List<List<FileTask>> bins) {
        List<String> out = new ArrayList<>();
        bins.forEach(b -> b.forEach(t -> out.add(t.sourceFile())));
        out.sort(Comparator.naturalOrder());
        return out;
    }

    @Test
    void manySmallFilesShareTwoTasksPerCoreAndNoneIsLostOrRepeated() {
        List<FileTask> files = new ArrayList<>();
        for (int i = 0; i < 145; i++) files.add(file(String.format("f%03d.csv", i), 1000 + i));
        List<List<FileTask>> bins = IngestRun.bins(files, 2);
        assertEquals(4, bins.size());
        assertEquals(files.stream().map(FileTask::sourceFile).sorted().toList(), names(bins));
        bins.forEach(b -> assertTrue(b.size() >= 36 && b.size() <= 37, "unbalanced: " + b.size()));
    }

    @Test
    void largeInputsGetAboutOneTaskPer64MiBAndTheBigFileIsAlone() {
        List<FileTask> files = new ArrayList<>();
        files.add(file("big.csv", 300L << 20));
        for (int i = 0; i < 20; i++) files.add(file("m" + i + ".csv", 10L << 20));
        List<List<FileTask>> bins = IngestRun.bins(files, 2);
        assertEquals(8, bins.size());                 // 500 MiB / 64 MiB, rounded up
        assertEquals(List.of("big.csv"), bins.stream().filter(b -> b.stream().anyMatch(t -> t.sourceFile().equals("big.csv")))
                .findFirst().orElseThrow().stream().map(FileTask::sourceFile).toList());
        assertEquals(21, names(bins).size());
    }

    @Test
    void neverMoreTasksThanFiles() {
        assertEquals(1, IngestRun.bins(List.of(file("a.csv", 5L << 30)), 8).size());
        assertEquals(0, IngestRun.bins(List.of(), 2).size());
    }
}
