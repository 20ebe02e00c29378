import { Module } from '@nestjs/common';
import { WebhookDestinations } from './webhook-destinations';
import { WebhookResolver } from './webhook-resolver';

/** The destination check, shared by registration (api) and delivery (worker). */
@Module({
  providers: [WebhookResolver, WebhookDestinations],
  exports: [WebhookResolver, WebhookDestinations],
})
export class WebhookDestinationsModule {}
