import { describeApiFuzzing } from '../support/api-fuzz.js';

describeApiFuzzing('guest');
