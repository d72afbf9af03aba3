package sa.qayd.command.zatca;

import sa.qayd.api.Environment;

/**
 * Whether an environment talks to ZATCA's developer portal, which gives every unit the SDK's one fixed
 * production certificate and accepts only that certificate's VAT number.
 */
@FunctionalInterface
public interface DeveloperPortal {

    boolean isDeveloperPortal(Environment environment);
}
