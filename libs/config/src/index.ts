export { DEVELOPMENT_JWT_SECRET, loadConfig, type LiaisonConfig } from './liaison-config';
export { LIAISON_CONFIG, LiaisonConfigModule } from './config.module';
