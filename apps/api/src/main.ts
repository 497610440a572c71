import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { AppConfig, ConfigurationError } from './config/app-config.js';
import { choosePortIfAny } from './config/free-port.js';
import { startMessage } from './config/start-message.js';
import { features } from './features.js';
import { exitGracefullyOnSignals } from './platform/lifecycle/graceful-shutdown.js';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    // The one read of the environment: the platform's, the municipality's and every feature's
    // variables, validated together (docs/adr/0023).
    config = AppConfig.fromEnvironment(process.env, features);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  config = await choosePortIfAny(config);
  const app = await createApp({ config, features, bufferLogs: true });
  exitGracefullyOnSignals(app, { seconds: config.shutdownSeconds, logger: new Logger('Läget') });
  await app.listen(config.port, config.host);
  new Logger('Läget').log(startMessage(config, app.getHttpServer().address()));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
