package com.unicornstore.retail.adapter;

import com.unicornstore.support.PlatformIntegrationTest;

/** The retail read API against moto and ElasticMQ. */
@PlatformIntegrationTest
class RetailReadApiIT extends RetailReadApiContract {}
