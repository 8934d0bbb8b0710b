package com.unicornstore.retail.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.unicornstore.platform.aws.AwsResourceNames;
import com.unicornstore.platform.provisioning.ConditionalSeed;
import com.unicornstore.platform.provisioning.DemoData;
import com.unicornstore.platform.provisioning.TableSpec;
import com.unicornstore.platform.provisioning.TableSpec.Key;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Wiring of the retail context: its routes, its tables and its demo data. */
@Configuration(proxyBeanMethods = false)
public class RetailConfiguration {

    @Bean
    RetailRestRoutes retailRestRoutes() {
        return new RetailRestRoutes();
    }

    @Bean
    ProductRoutes productRoutes() {
        return new ProductRoutes();
    }

    @Bean
    WalletRoutes walletRoutes() {
        return new WalletRoutes();
    }

    @Bean
    TableSpec productsTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().products(), Key.string("id"));
    }

    @Bean
    TableSpec walletsTable(AwsResourceNames names) {
        return TableSpec.of(names.tables().wallets(), Key.string("username"));
    }

    @Bean
    @Profile("local")
    DemoData retailDemoData(ConditionalSeed seed, ObjectMapper json, AwsResourceNames names) {
        return new RetailDemoData(seed, json, names.tables().products(), names.tables().wallets());
    }
}
