import { Module } from '@nestjs/common';
import { PublicCasesController } from './public-cases.controller';
import { PublicCasesService } from './public-cases.service';

@Module({ controllers: [PublicCasesController], providers: [PublicCasesService] })
export class PublicModule {}
