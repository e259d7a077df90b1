package ma.salonsess.surveys;

import ma.salonsess.testsupport.LocalAws;
import ma.salonsess.testsupport.LocalAwsExtension;
import ma.salonsess.testsupport.PrimingCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SnapStart priming of the survey functions stores no answer and sends no invitation. */
@ExtendWith(LocalAwsExtension.class)
class SurveysPrimingTest {
    @Test
    void primingBeforeTheSnapshotSendsAndWritesNothing(LocalAws aws) throws Exception {
        new SurveysHandler(aws.functionEnv("SurveysFunction"));
        new SurveyDispatchHandler(aws.functionEnv("SurveyDispatchFunction"));

        PrimingCheck.primesWritingNothing(aws, "SurveysFunction", "SurveyDispatchFunction");
    }
}
