package id.neraca.classify;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The audit sample and the classification counts are CSV for a spreadsheet, and a product title is the seller's text:
 * one beginning with "=" (or + - @) is opened as text, not run as a formula; numbers, negative ones included, stay
 * numbers (no Spark: the rows are on the driver).
 */
class AuditCsvTextTest {
    @Test
    void aSellersTitleIsNeverRunAsAFormulaAndNumbersStayNumbers(@TempDir Path tmp) throws Exception {
        StructType schema = new StructType().add("product_title", DataTypes.StringType).add("gmv_idr", DataTypes.createDecimalType(22, 2))
                .add("quantity", DataTypes.LongType);
        List<Row> rows = List.of(
                RowFactory.create("=HYPERLINK(\"http://x\",\"Kaos\")", new BigDecimal("-45000.00"), -1L),
                RowFactory.create("Kaos Polos + Sablon", new BigDecimal("45000.00"), 2L),
                RowFactory.create("@cmd", null, 1L));
        Path f = tmp.resolve("audit_sample.csv");
        ClassifyOutputs.writeCsv(FileSystem.getLocal(new Configuration()), f.toString(), schema, rows);
        assertEquals("""
                product_title,gmv_idr,quantity
                "'=HYPERLINK(""http://x"",""Kaos"")",-45000.00,-1
                Kaos Polos + Sablon,45000.00,2
                '@cmd,,1
                """, Files.readString(f));
    }
}
