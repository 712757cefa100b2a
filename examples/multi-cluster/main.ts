import { App } from 'cdktf';
import { multiCluster } from './app';

const app = new App();
multiCluster(app);
app.synth();
