"""Communities: partners, experts and staff exchange practice in threads, meet at events, and
hear about it in the service and in an e-mail digest (docs/communities.md)."""
