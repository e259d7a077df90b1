# The recipe every function's Makefile includes, for `sam build` (BuildMethod: makefile, with
# build_in_source from samconfig.toml): sam runs `make build-<LogicalId>` in the function's folder
# with ARTIFACTS_DIR set. This builds the module's shaded jar with the Maven wrapper from the
# repository root and unpacks it where SAM collects the function's code.
#
# A function's Makefile sets
#   MODULE      its folder under functions/ (the Maven module)
#   NPM_CI      yes when its build needs the npm packages (the badge fonts)
# then includes this file and names one target per function of the template whose CodeUri is
# that folder, each depending on `lambda-jar`:
#   build-RegistrationFunction: lambda-jar
# (TemplateAgreementTest checks that every function of the template has its target.)

# The jar's name follows the artifactId, the folder's name in lower case: see maven-shade-plugin
# in the root pom.xml.
LAMBDA_JAR = target/$(shell echo '$(MODULE)' | tr '[:upper:]' '[:lower:]')-lambda.jar

.PHONY: lambda-jar
lambda-jar:
	$(if $(MODULE),,$(error Set MODULE before including function.mk))
	$(if $(ARTIFACTS_DIR),,$(error ARTIFACTS_DIR is not set: sam build sets it))
	cd ../.. && $(if $(filter yes,$(NPM_CI)),npm ci --no-audit --no-fund --loglevel=error && )./mvnw -q -B -pl functions/$(MODULE) -am package -DskipTests
	unzip -q -o $(LAMBDA_JAR) -d "$(ARTIFACTS_DIR)"
