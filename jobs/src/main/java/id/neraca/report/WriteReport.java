package id.neraca.report;

import id.neraca.core.NeracaException;
import id.neraca.core.Stage;
import id.neraca.core.StageContext;

/** Policy report into out/report (not built yet). */
public final class WriteReport implements Stage {
    @Override
    public String name() {
        return "WriteReport";
    }

    @Override
    public String command() {
        return "report";
    }

    @Override
    public void run(StageContext ctx) {
        throw NeracaException.other("stage WriteReport is not built yet");
    }
}
