package id.neraca.aggregate;

import id.neraca.core.NeracaException;
import id.neraca.core.Stage;
import id.neraca.core.StageContext;

/** Monthly aggregates into out/aggregates (not built yet). */
public final class AggregateMonthly implements Stage {
    @Override
    public String name() {
        return "AggregateMonthly";
    }

    @Override
    public String command() {
        return "aggregate";
    }

    @Override
    public void run(StageContext ctx) {
        throw NeracaException.other("stage AggregateMonthly is not built yet");
    }
}
