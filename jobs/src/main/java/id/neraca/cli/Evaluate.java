package id.neraca.cli;

import id.neraca.classify.EvaluateClassification;
import id.neraca.core.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * {@code neraca evaluate --truth FILE [--out DIR]}: scores out/classified against a ground truth (the
 * generator's {@code _truth/ground_truth.csv}) into out/evaluation and prints the summary.
 */
@Command(name = "evaluate",
        description = "Compare out/classified with a ground-truth CSV: confusion matrix, precision/recall, GMV-weighted accuracy.")
public class Evaluate extends StageCommand {
    @Option(names = "--truth", paramLabel = "FILE", required = true,
            description = "Ground truth CSV with sale_id,true_origin_class[,true_umkm_tier,...] (docs/CONTRACTS.md).")
    String truth;

    @Override
    protected List<Stage> stages() {
        return List.of(new EvaluateClassification(truth, System.out));
    }
}
