/**
 * {@code TokenHoldings} over Ethereum JSON-RPC. The public surface is {@link
 * io.arrakis.evm.EvmTokenHoldings} (the factory), {@link io.arrakis.evm.EvmSettings} and {@link
 * io.arrakis.evm.ScanStore}; everything else is package-private.
 */
@NullMarked
package io.arrakis.evm;

import org.jspecify.annotations.NullMarked;
