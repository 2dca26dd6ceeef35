// Benchmark helper (not a test): heap held by an open workbook (its shared-strings table) and the time to stream it.
//   javac -cp jobs/target/classes -d /tmp/xm jobs/bench/XlsxMem.java && java -cp jobs/target/classes:/tmp/xm XlsxMem BOOK.xlsx
import id.neraca.ingest.XlsxWorkbook;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/** Heap held by an open workbook (its shared strings), and the time to stream every row and touch every text. */
public class XlsxMem {
    static long used() {
        for (int i = 0; i < 3; i++) System.gc();
        var m = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return m.getUsed();
    }
    public static void main(String[] a) throws Exception {
        long before = used();
        long t0 = System.nanoTime();
        try (XlsxWorkbook wb = XlsxWorkbook.open(Path.of(a[0]), null)) {
            long t1 = System.nanoTime();
            long held = used() - before;
            long rows = 0, chars = 0;
            try (XlsxWorkbook.Rows rs = wb.rows()) {
                XlsxWorkbook.Row r;
                while ((r = rs.next()) != null) {
                    rows++;
                    for (XlsxWorkbook.Cell c : r.cells()) chars += c.value().length();
                }
            }
            long t2 = System.nanoTime();
            System.out.printf("open %.1f s, heap held after open %d MB, rows %d, chars %d, stream %.1f s%n",
                (t1 - t0) / 1e9, held >> 20, rows, chars, (t2 - t1) / 1e9);
        }
    }
}
