package dev.sereno.examples.boot;

import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /replies}: the CRM's reply in, the outcome out ({@code SENT} or {@code HELD}, the warnings and the
 * advice). {@code GET /tickets/{ticket}/held}: the draft held on a ticket. Bad input is 400 with
 * {@code {"errors": [...]}}, one line per problem, as {@code sereno serve} answers.
 */
@RestController
public class ComplaintController {
    private final ReplyDesk desk;

    public ComplaintController(ReplyDesk desk) {
        this.desk = desk;
    }

    @PostMapping("/replies")
    public ReplyDesk.Outcome reply(@RequestBody CrmReply reply) {
        return desk.reply(reply);
    }

    @GetMapping("/tickets/{ticket}/held")
    public ResponseEntity<Map<String, String>> held(@PathVariable String ticket) {
        return desk.held(ticket).map(draft -> ResponseEntity.ok(Map.of("ticket", ticket, "draft", draft)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Map.of("ticket", ticket, "error", "no reply held on this ticket")));
    }

    @ExceptionHandler(CrmInputException.class)
    ResponseEntity<Map<String, List<String>>> badCrmInput(CrmInputException e) {
        return ResponseEntity.badRequest().body(Map.of("errors", e.problems()));
    }

    /** The mapping produced a situation Sereno rejects (a text over the limit, a time after now…). */
    @ExceptionHandler(InvalidSituationException.class)
    ResponseEntity<Map<String, List<String>>> invalid(InvalidSituationException e) {
        return ResponseEntity.badRequest().body(Map.of("errors", e.problems().stream().map(Problem::toString).toList()));
    }
}
