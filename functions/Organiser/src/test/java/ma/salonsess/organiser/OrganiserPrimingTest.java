package ma.salonsess.organiser;

import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.PrimingCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SnapStart priming of the organiser function saves no fair or workshop. */
@ExtendWith(LocalAwsExtension.class)
class OrganiserPrimingTest {
    @Test
    void primingBeforeTheSnapshotWritesNothing(LocalAws aws) throws Exception {
        new OrganiserHandler(aws.functionEnv("OrganiserFunction"));

        PrimingCheck.primesWritingNothing(aws, "OrganiserFunction");
    }
}
