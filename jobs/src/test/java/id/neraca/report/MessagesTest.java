package id.neraca.report;

import org.junit.jupiter.api.Test;

import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** The report's two message files. */
class MessagesTest {
    /** Every message exists in both languages: a key added to one only would fail a report in the other at run time. */
    @Test
    void bothLanguagesHaveTheSameKeys() {
        TreeSet<String> id = new TreeSet<>(Messages.load("id").all().keySet());
        TreeSet<String> en = new TreeSet<>(Messages.load("en").all().keySet());
        TreeSet<String> onlyId = new TreeSet<>(id);
        onlyId.removeAll(en);
        TreeSet<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(id);
        assertEquals(new TreeSet<>(), onlyId, "in messages_id.properties only");
        assertEquals(new TreeSet<>(), onlyEn, "in messages_en.properties only");
        assertTrue(id.size() > 400, "both files loaded: " + id.size());
    }
}
