package ma.salonsess.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/** SES answering 503 when asked to: a fault the emulator cannot be made to produce, so the client is wrapped. */
public final class FaultySes {
    private FaultySes() {
    }

    /** Every form of sendEmail (the request, or a builder consumer) fails while {@code failNow} says so. */
    public static SesV2Client failingWhile(SesV2Client real, BooleanSupplier failNow) {
        return failingFor(real, request -> failNow.getAsBoolean());
    }

    /** Every form of sendEmail fails for the requests {@code fails} picks (such as one fair's digest). */
    @SuppressWarnings("unchecked")
    public static SesV2Client failingFor(SesV2Client real, Predicate<SendEmailRequest> fails) {
        return (SesV2Client) Proxy.newProxyInstance(SesV2Client.class.getClassLoader(), new Class<?>[] {SesV2Client.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("sendEmail") && fails.test(args[0] instanceof SendEmailRequest r ? r
                            : SendEmailRequest.builder().applyMutation((Consumer<SendEmailRequest.Builder>) args[0]).build())) {
                        throw SesV2Exception.builder().statusCode(503).message("Service unavailable")
                                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable").build()).build();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
