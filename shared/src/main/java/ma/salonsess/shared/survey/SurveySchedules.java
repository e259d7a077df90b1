package ma.salonsess.shared.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import ma.salonsess.shared.json.Json;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * One-time EventBridge Scheduler schedules that start the survey dispatch: at a fair's end (plus
 * the delay), for the reminder, and to carry on a long dispatch in a fresh invocation. Each has a
 * fixed name per fair and purpose, so setting it again moves it rather than adding another; it
 * deletes itself once it has fired.
 */
public final class SurveySchedules {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private final SchedulerClient scheduler;
    private final String group;
    private final Target target;

    public SurveySchedules(SchedulerClient scheduler, String group, String dispatchFunctionArn, String roleArn,
                           String deadLetterQueueArn) {
        this.scheduler = scheduler;
        this.group = group;
        this.target = Target.builder().arn(dispatchFunctionArn).roleArn(roleArn)
                .deadLetterConfig(d -> d.arn(deadLetterQueueArn))
                .retryPolicy(r -> r.maximumEventAgeInSeconds(86_400).maximumRetryAttempts(20)).build();
    }

    /** The dispatch's input: which fair, which round, and where to resume (empty: from the start). */
    public record Run(String fairId, SurveyRound round, Optional<String> after) {
        public String toJson() {
            var json = Json.object().put("fairId", fairId).put("round", round.name());
            after.ifPresent(a -> json.put("after", a));
            return Json.write(json);
        }
    }

    public void invitations(String fairId, Instant at) {
        set(name("invite", fairId), at, new Run(fairId, SurveyRound.INVITATIONS, Optional.empty()));
    }

    public void reminders(String fairId, Instant at) {
        set(name("remind", fairId), at, new Run(fairId, SurveyRound.REMINDERS, Optional.empty()));
    }

    public void carryOn(Run run, Instant at) {
        set(name(run.round() == SurveyRound.INVITATIONS ? "invite-more" : "remind-more", run.fairId()), at, run);
    }

    private void set(String name, Instant at, Run run) {
        Target t = target.toBuilder().input(run.toJson()).build();
        String expression = "at(" + AT.format(at) + ")";
        try {
            scheduler.createSchedule(b -> b.name(name).groupName(group).scheduleExpression(expression)
                    .scheduleExpressionTimezone("UTC").flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                    .actionAfterCompletion(ActionAfterCompletion.DELETE).target(t)
                    .description("Survey " + run.round().name().toLowerCase(Locale.ROOT)));
        } catch (ConflictException exists) {
            scheduler.updateSchedule(b -> b.name(name).groupName(group).scheduleExpression(expression)
                    .scheduleExpressionTimezone("UTC").flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
                    .actionAfterCompletion(ActionAfterCompletion.DELETE).target(t)
                    .description("Survey " + run.round().name().toLowerCase(Locale.ROOT)));
        }
    }

    /** Schedule names allow 64 characters of [0-9a-zA-Z-_.]: a fair id is hashed to fit any. */
    static String name(String purpose, String fairId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(fairId.getBytes(StandardCharsets.UTF_8));
            return "survey-" + purpose + "-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
