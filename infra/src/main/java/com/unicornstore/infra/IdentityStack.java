package com.unicornstore.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AdvancedSecurityMode;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolProps;
import software.constructs.Construct;

/**
 * Shoppers and operators: a Cognito user pool whose JWTs the platform's `aws` profile accepts as an
 * OAuth2 resource server (issuer URI below), a public app client for the web store (authorization
 * code with PKCE, no secret), the hosted sign-in domain whose authorization and token endpoints the
 * web store uses, and the operators group whose members get the operator scopes.
 */
public class IdentityStack extends Stack {

    /** The group claim value ({@code cognito:groups}) the platform maps to {@code operator}. */
    public static final String OPERATORS_GROUP = "operators";

    private final UserPool userPool;
    private final UserPoolClient webStoreClient;
    private final UserPoolDomain signIn;

    public IdentityStack(Construct scope, String id, StackProps props, Deployment deployment) {
        super(scope, id, props);
        userPool = new UserPool(this, "Shoppers", UserPoolProps.builder()
                .userPoolName("unicorn-store-" + deployment.stage())
                .selfSignUpEnabled(true)
                .signInAliases(SignInAliases.builder().username(true).email(true).build())
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .passwordPolicy(PasswordPolicy.builder().minLength(12).requireDigits(true).requireLowercase(true)
                        .requireUppercase(true).requireSymbols(true).tempPasswordValidity(Duration.days(3)).build())
                .mfa(Mfa.OPTIONAL)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .advancedSecurityMode(AdvancedSecurityMode.ENFORCED)
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .removalPolicy(deployment.removalPolicy())
                .build());
        webStoreClient = userPool.addClient("WebStore", UserPoolClientOptions.builder()
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userSrp(true).build())
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                        .scopes(List.of(OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE))
                        .callbackUrls(List.of(deployment.shopperCallbackUrl()))
                        .build())
                .preventUserExistenceErrors(true)
                .accessTokenValidity(Duration.minutes(60))
                .idTokenValidity(Duration.minutes(60))
                .refreshTokenValidity(Duration.days(30))
                .build());
        signIn = userPool.addDomain("HostedSignIn", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder().domainPrefix(deployment.signInDomain()).build()).build());
        CfnUserPoolGroup.Builder.create(this, "Operators").userPoolId(userPool.getUserPoolId())
                .groupName(OPERATORS_GROUP).description("Unicorn Store operators: campaigns:admin and operator")
                .build();
    }

    /** The JWT issuer the platform validates tokens against. */
    public String issuerUri() {
        return "https://cognito-idp." + getRegion() + ".amazonaws.com/" + userPool.getUserPoolId();
    }

    public UserPool userPool() {
        return userPool;
    }

    public UserPoolClient webStoreClient() {
        return webStoreClient;
    }

    /** The hosted sign-in's authorization endpoint, where the web store sends shoppers with a PKCE challenge. */
    public String authorizationEndpoint() {
        return signIn.baseUrl() + "/oauth2/authorize";
    }

    /** The hosted sign-in's token endpoint, where the web store trades the code and its verifier for tokens. */
    public String tokenEndpoint() {
        return signIn.baseUrl() + "/oauth2/token";
    }
}
