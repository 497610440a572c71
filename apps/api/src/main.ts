import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { AppConfig, ConfigurationError } from './config/app-config.js';
import { startMessage } from './config/start-message.js';
import { exitGracefullyOnSignals } from './platform/lifecycle/graceful-shutdown.js';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = AppConfig.fromEnvironment();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const app = await createApp({ config, bufferLogs: true });
  exitGracefullyOnSignals(app, { seconds: config.shutdownSeconds, logger: new Logger('Läget') });
  await app.listen(config.port, config.host);
  new Logger('Läget').log(startMessage(config, app.getHttpServer().address()));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
