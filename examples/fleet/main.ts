import { App } from 'cdktf';
import { storeFleet } from './app';

const app = new App();
storeFleet(app);
app.synth();
