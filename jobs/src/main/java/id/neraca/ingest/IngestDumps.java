package id.neraca.ingest;

import id.neraca.core.NeracaException;
import id.neraca.core.Stage;
import id.neraca.core.StageContext;

/** Reads dumps into out/sales and out/quarantine (not built yet). */
public final class IngestDumps implements Stage {
    @Override
    public String name() {
        return "IngestDumps";
    }

    @Override
    public String command() {
        return "ingest";
    }

    @Override
    public void run(StageContext ctx) {
        throw NeracaException.other("stage IngestDumps is not built yet");
    }
}
