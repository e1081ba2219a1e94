// Times as Chinese users read them: Beijing time, YYYY-MM-DD HH:mm:ss (one home with the console: shared/time.ts).
export { beijingTime, TIME_ZONE_LABEL } from '../../../../shared/time.js';
