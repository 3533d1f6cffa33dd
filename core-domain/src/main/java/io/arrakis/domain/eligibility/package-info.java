@NullMarked
package io.arrakis.domain.eligibility;

import org.jspecify.annotations.NullMarked;
