package id.neraca.project;

import id.neraca.core.NeracaException;
import id.neraca.core.Stage;
import id.neraca.core.StageContext;

/** Projection to 2030 into out/projection (not built yet). */
public final class ProjectTo2030 implements Stage {
    @Override
    public String name() {
        return "ProjectTo2030";
    }

    @Override
    public String command() {
        return "project";
    }

    @Override
    public void run(StageContext ctx) {
        throw NeracaException.other("stage ProjectTo2030 is not built yet");
    }
}
