import { App } from 'cdktf';
import { quickstart } from './app';

const app = new App();
quickstart(app);
app.synth();
