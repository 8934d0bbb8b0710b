package com.unicornstore.retail.adapter;

import com.unicornstore.support.LocalStackIntegrationTest;

/** The retail read API against LocalStack, where Docker exists. */
@LocalStackIntegrationTest
class RetailReadApiOnLocalStackIT extends RetailReadApiContract {}
