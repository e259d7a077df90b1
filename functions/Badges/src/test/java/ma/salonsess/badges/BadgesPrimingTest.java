package ma.salonsess.badges;

import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.PrimingCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SnapStart priming of the badge functions renders badges and writes nothing. */
@ExtendWith(LocalAwsExtension.class)
class BadgesPrimingTest {
    @Test
    void primingBeforeTheSnapshotWritesNothing(LocalAws aws) throws Exception {
        new BadgeHandler(aws.functionEnv("BadgesFunction"));
        new BadgeSheetsHandler(aws.functionEnv("BadgeSheetsFunction"));
        new FileSweepHandler(aws.functionEnv("FileSweepFunction"));
        new BadgeErasureReplayHandler(aws.functionEnv("BadgeErasureReplayFunction"));

        PrimingCheck.primesWritingNothing(aws, "BadgesFunction", "BadgeSheetsFunction", "FileSweepFunction",
                "BadgeErasureReplayFunction");
    }
}
