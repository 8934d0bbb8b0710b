package com.unicornstore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the domain free of frameworks: it is plain Java that any adapter can drive. */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.unicornstore");

    @Test
    void domain_code_imports_no_camel_spring_or_aws() {
        noClasses().that().resideInAPackage("com.unicornstore..domain..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.camel..", "org.springframework..", "software.amazon..")
                .check(PRODUCTION);
    }

    @Test
    void domain_code_does_not_reach_into_adapters_or_applications() {
        noClasses().that().resideInAPackage("com.unicornstore..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "..application..")
                .check(PRODUCTION);
    }
}
