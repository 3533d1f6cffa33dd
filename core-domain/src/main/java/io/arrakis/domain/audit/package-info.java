@NullMarked
package io.arrakis.domain.audit;

import org.jspecify.annotations.NullMarked;
