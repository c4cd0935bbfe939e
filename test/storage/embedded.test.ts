import { describeStorageContract } from './contract.js';

describeStorageContract('embedded');
