package io.arrakis.ingestor;

/** Where a gateway event goes: its routing key on {@code arrakis.events} and its priority. */
record EventRoute(String routingKey, int priority) {}
