package sa.qayd.command.account;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import sa.qayd.api.Caller;
import sa.qayd.api.ErrorCode;
import sa.qayd.api.QaydException;
import sa.qayd.api.account.ForgetPersonalDataCommand;
import sa.qayd.command.web.Commands;

/**
 * DELETE /v1/account/personal-data: the person behind the account asks Qayd to forget their personal
 * data (the e-mail). Only the dashboard user may: an API key is the company's, not the person's.
 */
@RestController
class PersonalDataController {
    private final Commands commands;

    PersonalDataController(Commands commands) {
        this.commands = commands;
    }

    @Operation(summary = "Forget the account's personal data",
            description = "Deletes the key the account's e-mail is sealed under in every event (crypto-shredding) and "
                    + "ends the dashboard log-in; API keys, documents and the verifiable history stay. Dashboard session only.")
    @DeleteMapping("/v1/account/personal-data")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void forget(@AuthenticationPrincipal Caller caller) {
        if (caller.isApiKey()) {
            throw new QaydException(ErrorCode.FORBIDDEN, "personal data is forgotten at the request of the account's "
                    + "dashboard user (log in and send the request from the session), not with an API key");
        }
        commands.send(new ForgetPersonalDataCommand(caller.accountId()), ErrorCode.NOT_FOUND);
    }
}
