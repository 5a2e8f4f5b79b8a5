/** Deployment-wide function options. Region close to our users (Hong Kong). */
export const REGION = 'asia-east2';
