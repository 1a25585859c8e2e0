import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PublicSignalRepository } from '@zhengdun/persistence';
import { PublicCasesController } from './public-cases.controller';
import { PublicCasesService } from './public-cases.service';

@Module({
  controllers: [PublicCasesController],
  providers: [PublicCasesService, { provide: PublicSignalRepository, inject: [DataSource], useFactory: (dataSource: DataSource) => new PublicSignalRepository(dataSource) }],
})
export class PublicModule {}
