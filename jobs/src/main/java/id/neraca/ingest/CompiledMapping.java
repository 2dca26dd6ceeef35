package id.neraca.ingest;

import id.neraca.ingest.mapping.FieldSpec;
import id.neraca.ingest.mapping.Mapping;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mapping prepared for reading: the distinct source columns / JSON paths it reads, in a fixed order (the
 * reader fills one value per source), and which of them are personal data to mask in raw_row.
 */
public final class CompiledMapping implements Serializable {
    private final Mapping mapping;
    private final List<String> sources;
    private final Set<String> pii;
    private final Set<String> optional;

    public CompiledMapping(Mapping m) {
        this.mapping = m;
        LinkedHashSet<String> s = new LinkedHashSet<>();
        Set<String> opt = new java.util.HashSet<>();
        for (FieldSpec f : m.columns().byKey().values()) {
            if (f.sourceRef() != null) {
                s.add(f.sourceRef());
                if (f.optional()) opt.add(f.sourceRef());
            }
        }
        Set<String> p = new LinkedHashSet<>(m.pii());
        Map<String, FieldSpec> cols = m.columns().byKey();
        for (String k : List.of("seller_id", "shop_name")) {
            FieldSpec f = cols.get(k);
            if (f != null && f.sourceRef() != null) p.add(f.sourceRef());
        }
        this.sources = new ArrayList<>(s);
        this.pii = p;
        this.optional = opt;
    }

    public Mapping mapping() {
        return mapping;
    }

    public String name() {
        return mapping.name();
    }

    /** Distinct sources the reader extracts, in order. */
    public List<String> sources() {
        return sources;
    }

    public int sourceIndex(String ref) {
        return sources.indexOf(ref);
    }

    /** Source columns / paths whose values are masked in quarantine raw_row. */
    public Set<String> pii() {
        return pii;
    }

    public boolean optional(String ref) {
        return optional.contains(ref);
    }
}
