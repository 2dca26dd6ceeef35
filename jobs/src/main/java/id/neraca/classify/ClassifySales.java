package id.neraca.classify;

import id.neraca.core.NeracaException;
import id.neraca.core.Stage;
import id.neraca.core.StageContext;

/** Classifies every sale's origin into out/classified (not built yet). */
public final class ClassifySales implements Stage {
    @Override
    public String name() {
        return "ClassifySales";
    }

    @Override
    public String command() {
        return "classify";
    }

    @Override
    public void run(StageContext ctx) {
        throw NeracaException.other("stage ClassifySales is not built yet");
    }
}
