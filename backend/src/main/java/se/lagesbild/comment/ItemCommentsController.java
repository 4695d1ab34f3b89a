package se.lagesbild.comment;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.SerdeImport;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.lagesbild.access.Caller;

import java.util.List;
import se.lagesbild.apidocs.ClientProblems;
import se.lagesbild.apidocs.ConflictProblem;
import se.lagesbild.apidocs.SignInRequired;

@Tag(name = "Rounds and scores")
@SignInRequired
@ClientProblems
@ConflictProblem
@Controller("/api/rounds/{roundId}/comments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@SerdeImport(ItemComments.ItemComment.class)
public class ItemCommentsController {

    private final ItemComments comments;

    public ItemCommentsController(ItemComments comments) {
        this.comments = comments;
    }

    /**
     * The comments of a round's submitted answers per item, for those who may view the round; only for an
     * instrument one person answers (the checklist), else 409.
     */
    @Get
    public CommentsView comments(long roundId, Caller caller) {
        return new CommentsView(roundId, comments.ofRound(caller, roundId));
    }

    /** A round's comments, in the instrument's item order. */
    @Serdeable
    public record CommentsView(long roundId, List<ItemComments.ItemComment> comments) {
    }
}
